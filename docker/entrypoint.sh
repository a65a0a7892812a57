#!/bin/bash
# Starts the service with the JVM options of README "JVM options". The JIT compiler's threads get a higher priority
# than the export's own only where this user may raise a thread's priority: as root, or with a nice limit of at
# least 30 (docker-compose.yml sets it). Elsewhere the JVM would print a warning at each start and change nothing,
# so the two options are left out.
set -e
priority=()
nice_limit=$(ulimit -e)
if [ "$(id -u)" = 0 ] || [ "$nice_limit" = unlimited ] || [ "$nice_limit" -ge 30 ]; then
    priority=(-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=-10)
fi
exec java -XX:+UseParallelGC -XX:MaxInlineLevel=9 "${priority[@]}" -jar /app/animal-exports.jar "$@"
