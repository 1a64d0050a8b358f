# Generates what is too big or too odd to commit.
set -e
mkdir -p plugins && cp "$BP_BAD_PLUGINS/hostile.so" plugins/renamed.so && chmod 755 plugins plugins/renamed.so
