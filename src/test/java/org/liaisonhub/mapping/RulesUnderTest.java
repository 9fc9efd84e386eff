package org.liaisonhub.mapping;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.nio.file.Path;
import java.time.Clock;
import org.liaisonhub.mapping.yaml.MappingFileLoader;
import org.springframework.util.PropertyPlaceholderHelper;

/** HL7 v2 rule sets loaded as the hub loads them (placeholders at their defaults), and messages parsed whole. */
final class RulesUnderTest {

    private static final PropertyPlaceholderHelper DEFAULTS = new PropertyPlaceholderHelper("${", "}", ":", null, true);
    private static final HapiContext HAPI = new DefaultHapiContext(ValidationContextFactory.noValidation());

    private RulesUnderTest() {
    }

    /** The rule sets of a directory ({@code mappings} for the shipped ones), evaluated at the clock's time. */
    static Hl7RuleEngine hl7(Path directory, Clock clock) {
        return new MappingFileLoader(text -> DEFAULTS.replacePlaceholders(text, name -> null),
                MappingFileLoaderTest.PATHS).loadDirectory(directory).hl7(clock);
    }

    static Message parse(String er7) {
        try {
            return HAPI.getPipeParser().parse(er7);
        } catch (HL7Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
