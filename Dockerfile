# The Vedetta jar and its dependencies, built from this checkout: docker build -t vedetta .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests install

FROM eclipse-temurin:17-jre
WORKDIR /vedetta
COPY --from=build /src/app/target/vedetta.jar /vedetta/vedetta.jar
COPY --from=build /src/app/target/lib /vedetta/lib
COPY config /vedetta/config
ENTRYPOINT ["java", "-jar", "/vedetta/vedetta.jar"]
CMD ["run", "--config", "/vedetta/config"]
