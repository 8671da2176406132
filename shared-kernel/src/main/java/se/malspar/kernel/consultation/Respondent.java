package se.malspar.kernel.consultation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who answered a remiss: the fixed list of seed 000 (l.4-18 and the answer table l.148-414), each
 * code spelled as the paper spells it. {@code aliases} are other spellings the same paper uses for
 * the same respondent (l.401 "Miljö-och bygg"). Näringsliv, Miljöstrateg and "Utanför
 * organisationen" are not organs: the paper lists them under "Kompletterande avstämningar" (l.390).
 */
public enum Respondent {
    BUN("BUN", "Barn- och utbildningsnämnd"),
    SN("SN", "Socialnämnd"),
    TN("TN", "Teknisk nämnd"),
    KFN("KFN", "Kultur- och fritidsnämnd"),
    VSBO("VSBo", "VSBo"),
    VEAB("VEAB", "VEAB"),
    MILJO_OCH_BYGG("Miljö- och byggnämnd", "Miljö- och byggnämnd", "Miljö-och bygg"),
    RADDNINGSTJANST("Räddningstjänst", "Räddningstjänst"),
    AME("AME", "AME"),
    NARINGSLIV("Näringsliv", "Näringsliv"),
    MILJOSTRATEG("Miljöstrateg", "Miljöstrateg"),
    UTANFOR_ORGANISATIONEN("Utanför organisationen", "Utanför organisationen");

    private final String code;
    private final String name;
    private final List<String> aliases;

    Respondent(String code, String name, String... aliases) {
        this.code = code;
        this.name = name;
        this.aliases = List.of(aliases);
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The name the paper gives (l.4-18), or the code where it gives none other. */
    public String displayName() {
        return name;
    }

    /** The respondent of a code as the paper writes it (NFC, trimmed); anything else is refused, listing the codes. */
    @JsonCreator
    public static Respondent fromCode(String code) {
        String wanted = code == null ? "" : Normalizer.normalize(code.strip(), Normalizer.Form.NFC);
        return Arrays.stream(values())
                .filter(r -> r.code.equals(wanted) || r.aliases.contains(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + codes() + ", not '" + code + "'"));
    }

    public static String codes() {
        return Arrays.stream(values()).map(Respondent::code).collect(Collectors.joining(", "));
    }
}
