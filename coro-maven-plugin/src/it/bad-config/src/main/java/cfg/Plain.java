package cfg;

public class Plain {}
