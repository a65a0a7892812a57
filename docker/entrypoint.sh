#!/bin/bash
# Starts the service with the JVM options of README "JVM options". The JIT compiler's threads get a higher priority
# than the export's own only where this process may raise a thread's priority: with a nice limit of at least 30
# (docker-compose.yml sets it), or as root (a container's root may not without CAP_SYS_NICE or that limit, and the
# JVM then silently keeps the priorities). Elsewhere the JVM would print a warning at each start and change
# nothing, so the two options are left out.
set -e
priority=()
nice_limit=$(ulimit -e)
if [ "$(id -u)" = 0 ] || [ "$nice_limit" = unlimited ] || [ "$nice_limit" -ge 30 ]; then
    priority=(-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=-10)
fi
exec java -XX:+UseParallelGC -XX:MaxInlineLevel=9 -XX:LoopOptsCount=5 "${priority[@]}" -jar /app/animal-exports.jar "$@"
