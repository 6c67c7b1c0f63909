namespace RosCert.Host;

internal static class Program
{
    public static int Main(string[] args)
    {
        System.Console.WriteLine("roscert");
        return args.Length == 0 ? 0 : 1;
    }
}
