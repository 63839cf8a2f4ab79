// Writes this IT's toolchains.xml (given to each invocation with --toolchains): Temurin 25, which the build
// selects, and the JDK running Maven (the invoker runs the builds on the JDK of this script), which the
// profile studies-on-maven-jdk selects for the studies.
def mavenJdk = System.getProperty('java.home')
new File(basedir, 'toolchains.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<toolchains>
  <toolchain>
    <type>jdk</type>
    <provides>
      <version>25</version>
      <vendor>temurin</vendor>
    </provides>
    <configuration>
      <jdkHome>/usr/lib/jvm/temurin-25-jdk-amd64</jdkHome>
    </configuration>
  </toolchain>
  <toolchain>
    <type>jdk</type>
    <provides>
      <version>maven</version>
    </provides>
    <configuration>
      <jdkHome>${mavenJdk}</jdkHome>
    </configuration>
  </toolchain>
</toolchains>
"""
return true
