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

    private static string ResolveRole(ArmResource resource)
    {
        var expression = (string)resource.Properties["roleDefinitionId"]!;
        var (fn, args) = ArmExpression.Call(expression);
        Assert.Equal("subscriptionResourceId", fn);
        Assert.Equal("Microsoft.Authorization/roleDefinitions", ArmExpression.Literal(args[0]));

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
