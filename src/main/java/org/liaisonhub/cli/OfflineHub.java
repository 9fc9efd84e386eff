package org.liaisonhub.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.env.EnvironmentPostProcessorsFactory;
import org.springframework.boot.env.RandomValuePropertySourceEnvironmentPostProcessor;
import org.springframework.boot.env.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The part of the hub an offline command needs, started without a database, a broker or a port: its settings, read
 * as the hub reads them (application.yml, {@code spring.config.*}, profiles, environment variables, system
 * properties), and the beans of {@code parts}. The hub's own start-up steps (its data directory, its broker mode)
 * and Spring Boot's auto-configuration stay out; so do logs below WARN, which go to standard error.
 */
final class OfflineHub {

    private OfflineHub() {
    }

    /** @param settings hub settings that win over every other source, e.g. {@code hub.mappings.dir} */
    static ConfigurableApplicationContext start(Class<?> parts, Map<String, Object> settings) {
        SpringApplication application = new SpringApplication(parts);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        application.setListeners(List.of(EnvironmentPostProcessorApplicationListener.with(
                EnvironmentPostProcessorsFactory.of(SystemEnvironmentPropertySourceEnvironmentPostProcessor.class,
                        RandomValuePropertySourceEnvironmentPostProcessor.class,
                        ConfigDataEnvironmentPostProcessor.class))));
        application.setDefaultProperties(Map.of());
        String[] arguments = settings.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue())
                .toArray(String[]::new);
        return application.run(arguments);
    }

    /** WARN and above, on standard error: standard output is the command's answer, which may be JSON. */
    static void quietLogs() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logs);
        encoder.setPattern("%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(logs);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(stderr);
        root.setLevel(Level.WARN);
        // a start that fails (a bad mapping file) is reported by the command, in one line, not as a stack trace
        logs.getLogger("org.springframework.boot.SpringApplication").setLevel(Level.OFF);
        logs.getLogger("org.springframework.context").setLevel(Level.OFF);
    }
}
