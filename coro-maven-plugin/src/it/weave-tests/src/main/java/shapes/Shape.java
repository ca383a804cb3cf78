package shapes;

public abstract class Shape {
    public abstract String name();
}
