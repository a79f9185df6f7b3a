# Sourced by the measuring scripts after `cd` to the project root: builds the jar when it is missing,
# sets $jar, and a scratch directory $work that is removed on exit.
[ -f target/orderlift.jar ] || mvn -B -q -DskipTests package
jar=target/orderlift.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
