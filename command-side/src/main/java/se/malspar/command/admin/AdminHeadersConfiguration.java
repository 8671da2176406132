package se.malspar.command.admin;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.malspar.platform.web.InvalidFieldException;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Idempotency-Key} and {@code If-Match} for every admin write that takes
 * {@link AdminHeaders} (refusing a malformed one with 400), and lists them on those operations
 * in the API document.
 */
@Configuration(proxyBeanMethods = false)
class AdminHeadersConfiguration implements WebMvcConfigurer {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    static {
        // Resolved here, not request parameters: springdoc is not to describe their fields.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AdminHeaders.Write.class, AdminHeaders.Change.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver());
    }

    @Bean
    OperationCustomizer adminHeadersDocumentation() {
        return (operation, handlerMethod) -> {
            List<Class<?>> types = Arrays.stream(handlerMethod.getMethodParameters())
                    .<Class<?>>map(MethodParameter::getParameterType).toList();
            boolean change = types.contains(AdminHeaders.Change.class);
            if (change || types.contains(AdminHeaders.Write.class)) {
                operation.addParametersItem(new HeaderParameter().name(AdminHeaders.IDEMPOTENCY_KEY_HEADER)
                        .required(false).schema(new StringSchema())
                        .description("1 to 200 visible ASCII characters; a retry with the same key gets the first answer"));
            }
            if (change) {
                operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH)
                        .required(false).schema(new StringSchema())
                        .description("the entity's ETag; the change is refused (412) if it is no longer current"));
            }
            return operation;
        };
    }

    static String idempotencyKey(String header) {
        if (header != null && !KEY.matcher(header).matches()) {
            throw new InvalidFieldException(AdminHeaders.IDEMPOTENCY_KEY_HEADER, "must be 1 to 200 visible ASCII characters");
        }
        return header;
    }

    /** The version in {@code If-Match} ("3", "\"3\"" or W/"3"); null when absent or "*". */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher m = ETAG.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw new InvalidFieldException(HttpHeaders.IF_MATCH, "must be the ETag of the entity, e.g. \"3\"");
        }
        return Long.valueOf(m.group(1));
    }

    private static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return AdminHeaders.class.isAssignableFrom(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest request, WebDataBinderFactory binderFactory) {
            String key = idempotencyKey(request.getHeader(AdminHeaders.IDEMPOTENCY_KEY_HEADER));
            if (parameter.getParameterType() == AdminHeaders.Change.class) {
                return new AdminHeaders.Change(key, expectedVersion(request.getHeader(HttpHeaders.IF_MATCH)));
            }
            return new AdminHeaders.Write(key);
        }
    }
}
