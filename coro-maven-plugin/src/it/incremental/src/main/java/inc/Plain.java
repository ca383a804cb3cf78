package inc;

public class Plain {
    public static String hello() {
        return "hello";
    }
}
