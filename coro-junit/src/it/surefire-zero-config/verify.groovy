// Surefire ran the test woven, with no agent configured: coro-junit attached it.
def log = new File(basedir, 'build.log').text
assert log.contains('GrepTest: woven, found [I love coroutines instead!]') : log
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : log
assert !log.contains('-javaagent') : 'no agent flag anywhere'
return true
