// Two more real builds after invoker's first one:
//  - a plain second build reads no unchanged class file and rewrites nothing;
//  - a build with -Dcoro.incremental=false reads every class file and still rewrites nothing
//    (the woven marker makes weaving a woven class a no-op);
//  - the second build removes the empty temporary file a build killed mid-write leaves beside a
//    class file (issue 12, item 9), and says so.
import java.nio.file.Files
import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
assert log.contains('Wove 1 class in ')
assert log.contains('(2 class files: 2 read, 0 unchanged since the last run)')

def classes = new File(basedir, 'target/classes/inc')
def snapshot = { ['Gen', 'Plain'].collectEntries { n ->
    def f = new File(classes, n + '.class').toPath()
    [n, [Files.getLastModifiedTime(f), Files.readAllBytes(f).encodeHex().toString()]]
} }
def before = snapshot()
assert new String(new File(classes, 'Gen.class').bytes, 'ISO-8859-1').contains('dev/coro/internal/Woven')

def windows = System.getProperty('os.name').toLowerCase().contains('win')
def mvn = new File(System.getProperty('maven.home'), windows ? 'bin/mvn.cmd' : 'bin/mvn').path
// Offline, against the ITs' local repository. Its artifacts are recorded as coming from the repository
// "local.central" of src/it/settings.xml, so an offline build must know that repository's id too.
def settings = new File(basedir, 'target/offline-settings.xml')
settings.text = """<settings><profiles><profile><id>it-repo</id>
  <activation><activeByDefault>true</activeByDefault></activation>
  <repositories><repository><id>local.central</id><url>${new File(outerLocalRepository).toURI()}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${new File(outerLocalRepository).toURI()}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
def build = { List<String> args ->
    List<String> cmd = [mvn, '-B', '-o', '-s', settings.path, '-Dmaven.repo.local=' + localRepositoryPath.path] + args + ['process-classes']
    def pb = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true)
    pb.environment().put('JAVA_HOME', System.getProperty('java.home'))
    def proc = pb.start()
    def out = proc.inputStream.text
    proc.waitFor()
    new File(basedir, "build-${args.size()}.log").text = out
    assert proc.exitValue() == 0 : out
    out
}

def leftover = new File(classes, '.Gen.class.3f9a0c1d2e4b5a67.tmp')
leftover.bytes = new byte[0]
def second = build([])
assert second.contains('Wove 0 classes in ')
assert !leftover.exists() : 'the second build left ' + leftover
assert second.contains('Removed ' + leftover.path + ', left by a build that was stopped while writing a class file') : second
def fineTimes = Files.getLastModifiedTime(new File(classes, 'Gen.class').toPath()).to(TimeUnit.NANOSECONDS) % 1_000_000 != 0
if (fineTimes) {
    assert second.contains('(2 class files: 0 read, 2 unchanged since the last run)') : second
} // on a coarse-grained file system recent files are read and compared by hash instead
assert snapshot() == before : 'the second build rewrote a class file'

def third = build(['-Dcoro.incremental=false'])
assert third.contains('Wove 0 classes in ')
assert third.contains('(2 class files: 2 read, 0 unchanged since the last run)') : third
assert snapshot() == before : 'reweaving a woven class rewrote it'
return true
