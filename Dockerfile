# Liaison Hub image: built from source in a JDK stage, run as a non-root user on a JRE.
#   docker build -t liaison-hub .      (docker-compose.yml builds it for the demo)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /opt/liaison-hub hub \
    && mkdir -p /var/lib/liaison-hub && chown hub /var/lib/liaison-hub
WORKDIR /opt/liaison-hub
COPY routes routes
COPY mappings mappings
# the jar laid out and its classes archived by this image's own JVM: ready in about half the time (BENCHMARKS.md)
COPY --from=build /build/target/liaison-hub.jar /tmp/liaison-hub.jar
COPY docker/class-data-archive.sh /tmp/class-data-archive.sh
RUN sh /tmp/class-data-archive.sh /tmp/liaison-hub.jar /opt/liaison-hub/app \
    && rm /tmp/liaison-hub.jar /tmp/class-data-archive.sh
USER hub
ENV HUB_DATA_DIR=/var/lib/liaison-hub
VOLUME /var/lib/liaison-hub
# MLLP, HTTP (API, FHIR, health)
EXPOSE 2575 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/liaison-hub/app/liaison-hub.jsa", "-jar", \
    "/opt/liaison-hub/app/liaison-hub.jar"]
