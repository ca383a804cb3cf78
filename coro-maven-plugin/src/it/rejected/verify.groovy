// Every problem is an error line of its own, in javac's form; the build failed before writing anything.
def errors = new File(basedir, 'build.log').readLines()
        .findAll { it.startsWith('[ERROR] ') }
        .collect { it.substring('[ERROR] '.length()) }
def expected = [
    'Demo.java:7: Demo.bad(): Yield.value inside a synchronized block',
    'Demo.java:12: Demo.worse(): a @Coroutine method cannot be synchronized',
    'Plain.java:5: Plain.notACoroutine(): Yield.await outside a @Coroutine method',
]
expected.each { assert errors.contains(it) : "missing error line: $it\nerror lines: ${errors.join('\n')}" }
assert errors.indexOf(expected[0]) < errors.indexOf(expected[1])
assert errors.indexOf(expected[1]) < errors.indexOf(expected[2])

def classes = new File(basedir, 'target/classes')
['Demo', 'Plain', 'Good'].each {
    def bytes = new String(new File(classes, it + '.class').bytes, 'ISO-8859-1')
    assert !bytes.contains('dev/coro/internal/Woven') : "$it.class was rewritten by a failed build"
}
assert classes.list().toList().sort() == ['Demo.class', 'Good.class', 'Plain.class'] : 'no temporary files left'
assert !new File(basedir, 'target/coro/weave.state').exists()
return true
