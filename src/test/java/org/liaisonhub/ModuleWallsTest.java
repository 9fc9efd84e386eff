package org.liaisonhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The walls between the hub's modules (docs/architecture.md): no cycles between them, no use of another module's
 * internals (its sub-packages, unless named as an interface), and only the dependencies each module declares; the
 * ground floor, platform, uses no feature. The page's diagram is checked against the code, so neither drifts.
 */
class ModuleWallsTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(LiaisonHubApplication.class);
    private static final Pattern ARROW = Pattern.compile("^\\s*(\\w+)\\s*-->\\s*(\\w+)\\s*$", Pattern.MULTILINE);

    @Test
    void modulesHaveNoCyclesAndUseEachOtherOnlyThroughWhatTheyOffer() {
        MODULES.verify();
    }

    @Test
    void platformIsTheGroundFloorAndUsesNoFeature() {
        ApplicationModule platform = MODULES.getModuleByName("platform").orElseThrow();
        assertThat(platform.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName))
                .isEmpty();
    }

    @Test
    void theArchitecturePageDrawsEveryModuleDependencyThereIs() throws IOException {
        String page = Files.readString(Path.of("docs/architecture.md"));
        Set<String> drawn = new TreeSet<>();
        Matcher arrow = ARROW.matcher(page);
        while (arrow.find()) {
            drawn.add(arrow.group(1) + " --> " + arrow.group(2));
        }
        Set<String> actual = new TreeSet<>();
        for (ApplicationModule module : MODULES) {
            module.getDirectDependencies(MODULES).uniqueModules()
                    .forEach(target -> actual.add(module.getName() + " --> " + target.getName()));
        }
        assertThat(drawn).as("the arrows of docs/architecture.md's diagram").isEqualTo(actual);
    }
}
