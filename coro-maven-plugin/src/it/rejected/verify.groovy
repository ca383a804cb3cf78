// Every problem is an error line of its own, in javac's form with the source file's absolute path (as
// maven-compiler-plugin prints it, so that IDE consoles link it), then a one-line hint; the build failed
// before writing anything.
def errors = new File(basedir, 'build.log').readLines()
        .findAll { it.startsWith('[ERROR] ') }
        .collect { it.substring('[ERROR] '.length()) }
def src = new File(basedir, 'src/main/java').toPath().toAbsolutePath().normalize().toString()
def expected = [
    "$src/Demo.java:7: Demo.bad(): Yield.value inside a synchronized block",
    '  hint: move the Yield out of the synchronized block: a suspended coroutine cannot hold a monitor (take the lock again after resuming)',
    "$src/Demo.java:12: Demo.worse(): a @Coroutine method cannot be synchronized",
    '  hint: remove synchronized from the method; lock inside it, around code that does not yield',
    "$src/Plain.java:5: Plain.notACoroutine(): Yield.await outside a @Coroutine method",
    '  hint: annotate the method with @dev.coro.Coroutine and make it return Coro<Y, S, R>',
].collect { it.toString() }
def start = errors.indexOf(expected[0])
assert start >= 0 : "missing error line: ${expected[0]}\nerror lines: ${errors.join('\n')}"
assert errors.subList(start, start + expected.size()) == expected : "error lines: ${errors.join('\n')}"

def classes = new File(basedir, 'target/classes')
['Demo', 'Plain', 'Good'].each {
    def bytes = new String(new File(classes, it + '.class').bytes, 'ISO-8859-1')
    assert !bytes.contains('dev/coro/internal/Woven') : "$it.class was rewritten by a failed build"
}
assert classes.list().toList().sort() == ['Demo.class', 'Good.class', 'Plain.class'] : 'no temporary files left'
assert !new File(basedir, 'target/coro/weave.state').exists()
return true
