def log = new File(basedir, 'build.log').text
assert log.contains("Parameter 'verify' (property coro.verify) must be true or false, not 'maybe'")
assert log =~ /classesDirectory .*does-not-exist does not exist/
return true
