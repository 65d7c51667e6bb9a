# Shared helpers of the environment scripts (sourced, not run).

# Debian packages the project needs; a command that is present is not installed again.
ensure_system_packages() {
  if [ "${MCA_SKIP_APT:-}" = 1 ]; then return; fi
  local need=()
  command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || need+=(maven)
  command -v jupyter >/dev/null || need+=(jupyter-notebook jupyter-client)
  jupyter nbconvert --version >/dev/null 2>&1 || need+=(python3-nbconvert jupyter-nbconvert)
  jupyter kernelspec --version >/dev/null 2>&1 || need+=(jupyter-client python3-jupyter-client)
  # reference values of the agreement and reliability tests (statsmodels.stats.inter_rater, Factor) and of `fit`
  # (its differential test and `bench stats` compare with statsmodels + patsy + pandas)
  /usr/bin/python3 -c "import statsmodels, patsy, pandas" >/dev/null 2>&1 || need+=(python3-statsmodels python3-patsy python3-pandas)
  if [ "${MCA_WITH_BROWSER:-1}" = 1 ]; then command -v chromium >/dev/null || need+=(chromium); fi
  # the reference of the violins' densities (scipy.stats.gaussian_kde) and of LOWESS (statsmodels, above)
  /usr/bin/python3 -c "import scipy" >/dev/null 2>&1 || need+=(python3-scipy)
  # figures are laid out for Arial's metrics: Liberation Sans has them
  [ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || need+=(fonts-liberation)
  if [ ${#need[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${need[*]}" >&2
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}" >/dev/null
  fi
}

build_jar() {
  if [ -f target/mcalign.jar ] && [ -z "$(find src pom.xml -newer target/mcalign.jar -print -quit)" ]; then
    return
  fi
  echo "setup: building target/mcalign.jar" >&2
  mvn -B -q -DskipTests package
}

install_kernel() {
  java -jar target/mcalign.jar kernel install --user >&2 || {
    echo "setup: the kernel could not be installed yet (no kernel subcommand in this build)" >&2
  }
}
