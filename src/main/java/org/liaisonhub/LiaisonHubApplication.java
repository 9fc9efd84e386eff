package org.liaisonhub;

import java.util.Arrays;
import org.liaisonhub.cli.SendHl7Command;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Liaison Hub: runs the hub, or with {@code send <file>...} sends HL7 files to a running hub over MLLP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LiaisonHubApplication {

    public static void main(String[] args) {
        if (args.length > 0 && SendHl7Command.NAME.equals(args[0])) {
            System.exit(SendHl7Command.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(LiaisonHubApplication.class, args);
    }
}
