// Each type problem marked in the fixtures' sources ("// expect-diagnostic: CODE: TEXT") is an error line
// of its own, in javac's form with the source's absolute path, at that line; the build failed before
// rewriting anything.
def sources = new File(basedir, '../../../../coro-tests/src/test/java/dev/coro/rejects')
def fixtures = sources.listFiles().findAll { it.name.startsWith('Types') && it.name.endsWith('.java') }.sort { it.name }
assert fixtures.size() >= 4 : "fixtures not found in $sources"
def expected = []
fixtures.each { f ->
    f.readLines().eachWithIndex { line, i ->
        def at = line.indexOf('// expect-diagnostic:')
        if (at >= 0) {
            // the marker names the diagnostic's code first ("TYPE_MISMATCH: text"); the build prints the text
            def text = line.substring(at + '// expect-diagnostic:'.length()).trim().replaceFirst(/^[A-Z][A-Z_]*: /, '')
            expected << "${f.name}:${i + 1}: ${text}".toString()
        }
    }
}
// (the plugin prints the source file's absolute path, as maven-compiler-plugin does, then a hint line)
def dir = sources.toPath().toAbsolutePath().normalize().toString() + '/'
def errors = new File(basedir, 'build.log').readLines()
        .findAll { it.startsWith('[ERROR] ' + dir + 'Types') }
        .collect { it.substring('[ERROR] '.length() + dir.length()) }
        .unique()
errors.each { assert it ==~ /^Types\w*\.java:\d+: dev\.coro\.rejects\.Types\w*\.\w+\(\): .*/ : "not in javac's form: $it" }
def actual = errors.collect { it.replaceFirst(/^(\S+:\d+: )\S+\(\): /, '$1') }
assert actual.sort() == expected.sort() : "expected:\n${expected.join('\n')}\nactual:\n${actual.join('\n')}"

def classes = new File(basedir, 'target/classes/dev/coro/rejects')
classes.listFiles().each {
    assert !new String(it.bytes, 'ISO-8859-1').contains('dev/coro/internal/Woven') : "$it was rewritten by a failed build"
}
return true
