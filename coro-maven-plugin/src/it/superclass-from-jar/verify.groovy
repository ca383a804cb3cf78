// app was woven against lib's jar (the reactor hands app the packaged jar) and runs.
def log = new File(basedir, 'build.log').text
assert log.contains('Wove 1 class in ')

def libJar = new File(basedir, 'lib/target/lib-1.jar')
assert libJar.isFile()
def api = new File(localRepositoryPath, "dev/coro/coro-api/${coroVersion}/coro-api-${coroVersion}.jar")
def java = new File(System.getProperty('java.home'), 'bin/java').path
def cp = [new File(basedir, 'app/target/classes').path, libJar.path, api.path].join(File.pathSeparator)
def proc = [java, '-cp', cp, 'app.Main'].execute()
def out = new StringBuilder(), err = new StringBuilder()
proc.waitForProcessOutput(out, err)
assert proc.exitValue() == 0 : err
assert out.toString().replace('\r\n', '\n') == '''cat wakes up
cat says meow
dog wakes up
dog says woof
cat wakes up
cat says meow
'''
return true
