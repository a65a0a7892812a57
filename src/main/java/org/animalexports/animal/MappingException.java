package org.animalexports.animal;

/** One animal's value that a partner cannot take; the animal is left out of that partner's export and reported. */
public class MappingException extends Exception {

    private final String field;

    public MappingException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return getMessage().substring(field.length() + 2);
    }
}
