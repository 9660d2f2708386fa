package dev.simclr.api;

/** Value types a declared {@link Param} can take in YAML. */
public enum ParamType {
    INT("int"),
    FLOAT("float"),
    BOOL("bool"),
    STRING("string"),
    CHOICE("choice"),
    FLOAT_LIST("float list");

    private final String label;

    ParamType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
