# OptimLab: build with a JDK 25, run on a JRE 25 as a non-root user. The committed frontend bundle
# (src/main/bundles/) means the build needs no Node.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY frontend frontend
COPY content content
COPY tools tools
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system optimlab && useradd --system --gid optimlab --home-dir /app optimlab \
    && mkdir -p /app /data && chown optimlab:optimlab /data
WORKDIR /app
COPY --from=build /src/target/optimlab.jar /app/optimlab.jar
USER optimlab
VOLUME /data
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=prod \
    SPRING_DATASOURCE_URL=jdbc:h2:file:/data/optimlab \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health | grep -q '"UP"' || exit 1
ENTRYPOINT ["java", "-jar", "/app/optimlab.jar"]
