package se.malspar.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import se.malspar.kernel.common.PlainText;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or title without invisible formatting characters (see {@link PlainText}); refused with
 * 400 naming the field. The aggregates check the same rule for commands that come by other paths.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainName.Validator.class)
public @interface PlainName {

    String message() default "must not contain invisible formatting characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says which character and where, not the text itself. */
    class Validator implements ConstraintValidator<PlainName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = PlainText.problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
