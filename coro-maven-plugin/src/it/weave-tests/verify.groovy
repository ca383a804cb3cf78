// weave-tests wove the test class; weave found nothing to weave in the main classes; the test passed.
def log = new File(basedir, 'build.log').text
assert log =~ /Wove 0 classes in .*[\\\/]target[\\\/]classes \(3 class files: 3 read/
assert log =~ /Wove 1 class in .*[\\\/]target[\\\/]test-classes \(1 class file: 1 read/
def report = new File(basedir, 'target/surefire-reports/shapes.ShapesTest.txt')
assert report.isFile()
assert report.text.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def woven = new String(new File(basedir, 'target/test-classes/shapes/ShapesTest.class').bytes, 'ISO-8859-1')
assert woven.contains('dev/coro/internal/Woven')
return true
