# syntax=docker/dockerfile:1
# Vedetta's image, built from this checkout with nothing but Maven Central: docker build -t vedetta .
# docker-compose.yml builds it for each of its Vedetta services. Layout, mirroring the repository:
#   /vedetta/vedetta.jar, /vedetta/lib/   the application
#   /vedetta/config/                      config/ (knowledge set, demo site, a single-node configuration)
#   /vedetta/deploy/config/               deploy/config/ (the compose deployment's configuration)
#   /vedetta/var/                         data_dir, writable by the user `vedetta` the process runs as
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Maven reads every module's pom; the app is built from all modules but bench/.
COPY pom.xml ./
COPY model/pom.xml model/
COPY settings/pom.xml settings/
COPY database/pom.xml database/
COPY test-support/pom.xml test-support/
COPY ingest/pom.xml ingest/
COPY matcher/pom.xml matcher/
COPY notifier/pom.xml notifier/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
COPY model/src model/src
COPY settings/src settings/src
COPY database/src database/src
COPY test-support/src test-support/src
COPY ingest/src ingest/src
COPY matcher/src matcher/src
COPY notifier/src notifier/src
COPY app/src app/src
# Tests are run by `mvn verify` on a checkout, not here. The cache keeps ~/.m2 between builds.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Dmaven.test.skip=true -pl app -am package

FROM eclipse-temurin:17-jre
RUN groupadd --system vedetta && useradd --system --gid vedetta --home-dir /vedetta --no-create-home vedetta
WORKDIR /vedetta
COPY --from=build /src/app/target/vedetta.jar /vedetta/vedetta.jar
COPY --from=build /src/app/target/lib /vedetta/lib
COPY config /vedetta/config
COPY deploy/config /vedetta/deploy/config
COPY --chmod=755 deploy/healthcheck /vedetta/bin/healthcheck
RUN mkdir /vedetta/var && chown vedetta:vedetta /vedetta/var
USER vedetta
EXPOSE 8730
# /health/ready on the HTTP port (VEDETTA_HTTP_PORT, default 8730); see deploy/healthcheck.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/vedetta/bin/healthcheck"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/vedetta/vedetta.jar"]
CMD ["run", "--config", "/vedetta/config"]
