#!/bin/sh
# MongoDB connector vs memory connector: create throughput and find (where + order + limit).
# Usage: bench/mongo/run.sh [records=100000] [finds=50]; MONGODB_URL=... for a real MongoDB.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -pl connector-mongodb,connector-memory -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
CP="connector-mongodb/target/classes:connector-memory/target/classes:$(cat connector-mongodb/target/bench.cp)"
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.de.bwaldvogel=off \
  -cp "$CP" bench/mongo/MongoVsMemory.java "$@"
