// The build wove the one class with coroutines, and the program runs woven, without any agent.
def log = new File(basedir, 'build.log').text
assert log.contains('Wove 1 class in ')
assert log.contains('(1 class file: 1 read, 0 unchanged since the last run)')

def api = new File(localRepositoryPath, "dev/coro/coro-api/${coroVersion}/coro-api-${coroVersion}.jar")
def java = new File(System.getProperty('java.home'), 'bin/java').path
def cp = new File(basedir, 'target/classes').path + File.pathSeparator + api.path
def proc = [java, '-cp', cp, 'demo.Main'].execute()
def out = new StringBuilder(), err = new StringBuilder()
proc.waitForProcessOutput(out, err)
assert proc.exitValue() == 0 : err
assert err.length() == 0 : err
assert out.toString().replace('\r\n', '\n') == '''3
2
1
liftoff
HELLO WORLD (2 words)
'''
return true
