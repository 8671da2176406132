# One image per service, built from this repository:
#   docker build --build-arg MODULE=command-side -t malspar/command-side .
#   docker build --build-arg MODULE=query-side   -t malspar/query-side .
#   docker build --build-arg MODULE=standalone   -t malspar/standalone .
FROM eclipse-temurin:17-jdk AS build
ARG MODULE=standalone
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-kernel shared-kernel
COPY platform platform
COPY command-side command-side
COPY query-side query-side
COPY standalone standalone
# Not part of any image, but a module of the root pom, which Maven must find to build any module.
COPY verifier verifier
RUN ./mvnw -B -ntp -q -DskipTests package -pl ${MODULE} -am \
 && if [ "${MODULE}" = "standalone" ]; then cp standalone/target/malspar-standalone.jar /app.jar; \
    else cp ${MODULE}/target/${MODULE}-*-exec.jar /app.jar; fi

FROM eclipse-temurin:17-jre
# A home the service may write to (the query side keeps its checkpoint signing key in ./keys).
RUN useradd --system --uid 10001 --create-home --home-dir /home/malspar malspar \
 && mkdir -p /home/malspar/keys && chown malspar /home/malspar/keys && chmod 700 /home/malspar/keys
USER malspar
WORKDIR /home/malspar
COPY --from=build /app.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
