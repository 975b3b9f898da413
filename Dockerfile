# Builds the portal's jar and runs it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY rules rules
COPY processes processes
COPY camel-routes camel-routes
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app tmsp
WORKDIR /app
COPY --from=build /src/target/tmsp-*.jar /app/tmsp.jar
USER tmsp
EXPOSE 8080 1514/tcp 1514/udp
# The parallel (throughput) collector: correlation allocates heavily, and G1 took a third more time for a day
# of detections (bench/README.md, correlate.sh).
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-jar", "/app/tmsp.jar"]
