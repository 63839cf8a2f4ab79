// 1: the studies ran on the build's JDK toolchain, Temurin 25, as the compiler did; 2: on Maven's JDK, which
// cannot load classes compiled for 25, the goal says so instead of "no @Tune method found".
def log = new File(basedir, 'build.log').text
def temurin = '/usr/lib/jvm/temurin-25-jdk-amd64'
def mavenJdk = System.getProperty('java.home')

// 1: the goal said which JDK it chose and why, and the objective ran there
assert log.contains("The studies run on ${temurin}/bin/java: the build's JDK toolchain JDK[${temurin}]")
assert log =~ /objective on Java 25[.\d]* in \/usr\/lib\/jvm\/temurin-25-jdk-amd64/
assert !(log =~ /objective on Java (?!25)/)
assert log.contains('it.toolchain.ToolchainTuning.quad: 5 trials, 0 failed')
assert new File(basedir, 'target/tuner/it.toolchain.ToolchainTuning.quad.properties').isFile()
// javac of the toolchain compiled the test classes for Java 25 (class-file version 69)
def classFile = new File(basedir, 'target/test-classes/it/toolchain/ToolchainTuning.class')
def header = new DataInputStream(new FileInputStream(classFile))
try {
    header.skipBytes(6)     // magic and minor version
    assert header.readUnsignedShort() == 69
} finally {
    header.close()
}

// 2: the <jdkToolchain> of the plugin chose Maven's JDK, which names the class, its version and the fix
assert log.contains("The studies run on ${mavenJdk}/bin/java: the JDK toolchain JDK[${mavenJdk}] that the plugin's <jdkToolchain> {version=maven} selects")
assert log.contains('[tuner] ERROR: the JVM running the studies cannot load the test classes: ')
assert log =~ /it\/toolchain\/ToolchainTuning\.class in .* has class-file version 69 \(Java 25\), and this JVM, Java 17/
assert log.contains('Run the studies on a JDK 25 or newer')
assert log.contains('No study ran: the JVM running the studies is older than the Java the test classes were compiled for')
assert !log.contains('no @Tune method found')
return true
