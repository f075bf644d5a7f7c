using System.Reflection;
using System.Text.RegularExpressions;
using C2C.Core.Cargo;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Infra.Tests.Docs;

/// <summary>The glossary explains every code and status the code uses: a new one without a line there fails here.</summary>
public sealed class GlossaryTests
{
    private static readonly string Glossary = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "glossary.md"));

    [Fact]
    public void Every_message_code_is_in_the_glossary()
    {
        var codes = Constants(typeof(MessageCodes));
        Assert.Superset(MessageCatalog.All.Select(k => k.Code).ToHashSet(), codes.ToHashSet());
        var missing = codes.Where(code => !Mentions(code)).ToList();
        Assert.True(missing.Count == 0, $"docs/glossary.md does not explain: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_error_code_is_in_the_glossary()
    {
        var codes = Constants(typeof(ErrorCodes));
        Assert.NotEmpty(codes);
        var missing = codes.Where(code => !Regex.IsMatch(Glossary, $@"^\| {Regex.Escape(code)} \|", RegexOptions.Multiline)).ToList();
        Assert.True(missing.Count == 0, $"docs/glossary.md's error-code table has no row for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_status_and_signature_verdict_is_in_the_glossary()
    {
        var names = Enum.GetNames<TransitStatus>().Concat(Enum.GetNames<CargoStatus>()).Concat(Enum.GetNames<SignatureVerdict>()).Append("Recorded");
        var missing = names.Where(name => !Glossary.Contains($"**{name}**", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"docs/glossary.md does not explain (as **Name**): {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_readme_links_the_glossary() =>
        Assert.Contains("docs/glossary.md", File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")), StringComparison.Ordinal);

    private static List<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>In the message table, alone or in a pair such as "IE094 / IE095".</summary>
    private static bool Mentions(string code) => Regex.IsMatch(Glossary, $@"^\| ([A-Z]{{2}}\d{{3}} / )?{Regex.Escape(code)}( / [A-Z]{{2}}\d{{3}})? \|", RegexOptions.Multiline);
}
