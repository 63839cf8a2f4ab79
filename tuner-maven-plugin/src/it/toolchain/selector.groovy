// The build machines have Temurin 25 at this path (as .ci/run's JDK 25 runs need); elsewhere this IT is skipped.
def jdk = new File('/usr/lib/jvm/temurin-25-jdk-amd64/bin/java')
if (!jdk.canExecute()) {
    println "toolchain skipped: no JDK 25 at ${jdk.parentFile.parent}, which toolchains.xml declares; install Temurin 25 there"
    return false
}
// its second build shows Maven's own JDK too old for classes compiled for 25, which needs Maven on an older JDK
def mavenRelease = Runtime.version().feature()
if (mavenRelease >= 25) {
    println "toolchain skipped: Maven runs on Java ${mavenRelease}, and this IT needs it older than the toolchain's 25 (CI's JDK 17 pass runs it)"
    return false
}
return true
