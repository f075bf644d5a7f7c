using System.Text.RegularExpressions;

namespace C2C.Infra.Tests.Bicep;

/// <summary>Just enough of the ARM template expression language to read scopes and role definition IDs.</summary>
public static partial class ArmExpression
{
    /// <summary>Parses <c>[fn(arg, arg, ...)]</c> into the function name and its top-level argument texts.</summary>
    public static (string Function, IReadOnlyList<string> Arguments) Call(string expression)
    {
        var match = CallPattern().Match(expression);
        Assert.True(match.Success, $"not a function call expression: {expression}");
        return (match.Groups["fn"].Value, SplitArguments(match.Groups["args"].Value));
    }

    /// <summary>A quoted literal argument without its quotes.</summary>
    public static string Literal(string argument)
    {
        Assert.True(argument.Length >= 2 && argument[0] == '\'' && argument[^1] == '\'', $"not a string literal: {argument}");
        return argument[1..^1];
    }

    private static List<string> SplitArguments(string text)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
                quoted = !quoted; // '' (escaped quote) toggles twice: no effect
            else if (!quoted && c is '(' or '[')
                depth++;
            else if (!quoted && c is ')' or ']')
                depth--;
            else if (!quoted && depth == 0 && c == ',')
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(text[start..].Trim());
        return parts;
    }

    [GeneratedRegex(@"^\[(?<fn>[A-Za-z_.]+)\((?<args>.*)\)\]$", RegexOptions.Singleline)]
    private static partial Regex CallPattern();
}
