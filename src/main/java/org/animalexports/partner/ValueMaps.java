package org.animalexports.partner;

import org.animalexports.animal.MappingException;

/** Applies a partner's value map to one of our values, with the map's fallback, or rejects the value. */
public final class ValueMaps {

    private ValueMaps() {
    }

    /**
     * @param field    our value's name, for the error message
     * @param where    where the value goes (a column or a request key), for the error message
     * @param keepOurs write our value when the map knows it (the partner translates it itself)
     */
    public static String apply(PartnerConfig partner, String mapName, String field, String value, String where,
                               boolean keepOurs) throws MappingException {
        PartnerConfig.ValueMap map = partner.maps().get(mapName);
        String mapped = map.values().get(value);
        if (mapped != null) {
            return keepOurs ? value : mapped;
        }
        if (map.fallback() != null) {
            return map.fallback();
        }
        throw new MappingException(field, (value.isEmpty() ? "no value" : "'" + value + "'") + " cannot be sent to "
                + partner.code() + " (" + where + ", map '" + mapName + "' has no entry and no fallback)");
    }
}
