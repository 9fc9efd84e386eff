package org.liaisonhub;

import java.util.Arrays;
import org.liaisonhub.cli.SendHl7Command;
import org.liaisonhub.cli.TryCommand;
import org.liaisonhub.cli.ValidateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Liaison Hub: runs the hub; {@code send FILE...} sends HL7 files to a running hub over MLLP; {@code validate} checks
 * the mapping and route files offline; {@code try FILE...} shows what messages would do, offline.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LiaisonHubApplication {

    public static void main(String[] args) {
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (args.length > 0 ? args[0] : "") {
            case SendHl7Command.NAME -> System.exit(SendHl7Command.run(rest));
            case ValidateCommand.NAME -> System.exit(ValidateCommand.run(rest));
            case TryCommand.NAME -> System.exit(TryCommand.run(rest));
            default -> SpringApplication.run(LiaisonHubApplication.class, args);
        }
    }
}
