// The build machines have Temurin 25 at this path (as .ci/run's JDK 25 runs need); elsewhere this IT is skipped.
def jdk = new File('/usr/lib/jvm/temurin-25-jdk-amd64/bin/java')
if (!jdk.canExecute()) {
    println "toolchain skipped: no JDK 25 at ${jdk.parentFile.parent}, which toolchains.xml declares; install Temurin 25 there"
    return false
}
return true
