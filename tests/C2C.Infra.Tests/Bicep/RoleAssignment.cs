using System.Text.RegularExpressions;

namespace C2C.Infra.Tests.Bicep;

/// <summary>A role assignment of the compiled template, with its role GUID resolved and its scope parsed.</summary>
public sealed partial record RoleAssignment(ArmResource Resource, string RoleDefinitionGuid, string ScopeType, IReadOnlyList<string> ScopeNameArguments, string Principal)
{
    public string ScopeLastName => ScopeNameArguments[^1];

    public bool IsLoop => Resource.Json["copy"] is not null;

    public override string ToString() => $"{Resource.Module}/{Resource.Symbol}: {RoleDefinitionGuid} on {ScopeType}({string.Join(", ", ScopeNameArguments)}) for {Principal}";

    public static IReadOnlyList<RoleAssignment> All(CompiledTemplate template) =>
        template.OfType("Microsoft.Authorization/roleAssignments").Select(From).ToList();

    public static RoleAssignment From(ArmResource resource)
    {
        var scope = (string?)resource.Json["scope"];
        // No scope = the resource group of the deployment: never acceptable here.
        Assert.False(string.IsNullOrEmpty(scope), $"{resource.Module}/{resource.Symbol} has no explicit scope (resource group scope)");
        var (fn, args) = ArmExpression.Call(scope!);
        Assert.Equal("resourceId", fn);

        return new RoleAssignment(resource, ResolveRole(resource), ArmExpression.Literal(args[0]), args.Skip(1).ToList(), (string)resource.Properties["principalId"]!);
    }

    /// <summary>Prefix of <see cref="RoleDefinitionGuid"/> for a custom role defined in the same module: "custom:{symbol}".</summary>
    public const string CustomRolePrefix = "custom:";

    /// <summary>The custom role definition resource this assignment grants, or null for a built-in role.</summary>
    public ArmResource? CustomRole(CompiledTemplate template) =>
        RoleDefinitionGuid.StartsWith(CustomRolePrefix, StringComparison.Ordinal)
            ? template.OfType("Microsoft.Authorization/roleDefinitions").Single(d => d.Module == Resource.Module && d.Symbol == RoleDefinitionGuid[CustomRolePrefix.Length..])
            : null;

    private static string ResolveRole(ArmResource resource)
    {
        var expression = (string)resource.Properties["roleDefinitionId"]!;
        var (fn, args) = ArmExpression.Call(expression);
        Assert.Equal("subscriptionResourceId", fn);
        Assert.Equal("Microsoft.Authorization/roleDefinitions", ArmExpression.Literal(args[0]));

        // A custom role of the same template: its definition's name expression, e.g. guid(resourceGroup().id, '…').
        var custom = CompiledTemplate.Entries(resource.Template)
            .Where(r => (string?)r.Json["type"] == "Microsoft.Authorization/roleDefinitions" && (string?)r.Json["name"] == $"[{args[1]}]")
            .Select(r => r.Symbol)
            .FirstOrDefault();
        if (custom is not null)
            return CustomRolePrefix + custom;

        var variable = VariableMember().Match(args[1]);
        var guid = variable.Success
            ? (string?)resource.Variable(variable.Groups["var"].Value)?[variable.Groups["member"].Value]
            : ArmExpression.Literal(args[1]);
        Assert.False(string.IsNullOrEmpty(guid), $"{resource.Symbol}: role definition {args[1]} does not resolve");
        return guid!;
    }

    [GeneratedRegex(@"^variables\('(?<var>\w+)'\)\.(?<member>\w+)$")]
    private static partial Regex VariableMember();
}
