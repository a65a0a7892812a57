package org.animalexports.partner;

/** A partner-config file that cannot be used; the message names the file and the key. */
public class PartnerConfigException extends RuntimeException {

    public PartnerConfigException(String file, String key, String problem) {
        super(file + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + problem);
    }

    public PartnerConfigException(String file, String key, String problem, Throwable cause) {
        super(file + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + problem, cause);
    }
}
