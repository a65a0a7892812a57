# Hawtio 4 (the web console) in Tomcat 10.1, connecting to the service's Jolokia through its own proxy.
# Built by docker-compose.yml; the war comes from Maven Central through Maven.
FROM maven:3.9-eclipse-temurin-17 AS download
ARG HAWTIO_VERSION=4.2.0
RUN mvn -B -q dependency:copy -Dartifact=io.hawt:hawtio-war:${HAWTIO_VERSION}:war -DoutputDirectory=/out \
    && mv /out/hawtio-war-${HAWTIO_VERSION}.war /out/hawtio.war

FROM tomcat:10.1-jre17
RUN rm -rf /usr/local/tomcat/webapps/*
COPY --from=download /out/hawtio.war /usr/local/tomcat/webapps/hawtio.war
# A console on a private compose network: no login, and its proxy may only reach the export service.
ENV CATALINA_OPTS="-Dhawtio.authenticationEnabled=false -Dhawtio.proxyAllowlist=animal-exports,localhost,127.0.0.1"
EXPOSE 8080
