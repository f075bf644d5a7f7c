using C2C.Core.Guarantees;
using C2C.Core.Ports;

namespace C2C.Node.Composition;

/// <summary>A guarantee as configuration names it (<c>C2C:Guarantees:{GRN}</c>): registered at start, for a node whose national register is not connected yet, and for tests.</summary>
public sealed class GuaranteeOptions
{
    public string Kind { get; set; } = nameof(GuaranteeKind.Comprehensive);

    public decimal ReferenceAmount { get; set; }

    public string Currency { get; set; } = "";

    public string PrincipalId { get; set; } = "";

    public string PrincipalName { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidTo { get; set; }

    public List<string> Countries { get; set; } = [];

    public Guarantee ToGuarantee(string grn) => new(grn, Enum.Parse<GuaranteeKind>(Kind, ignoreCase: true), ReferenceAmount, Currency,
        new Principal(PrincipalId, PrincipalName), ValidFrom, ValidTo, Countries);
}

/// <summary>The guarantees configuration registers, in the guarantee ledger (the storage adapter's guarantees table).</summary>
public static class GuaranteeComposition
{
    public const string Section = "C2C:Guarantees";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var configured = (configuration.GetSection(Section).Get<Dictionary<string, GuaranteeOptions>>() ?? [])
            .Select(g => g.Value.ToGuarantee(g.Key)).ToList();
        if (configured.FirstOrDefault(g => g.Problem() is not null) is { } bad)
            throw new InvalidOperationException($"{Section}:{bad.Grn}: {bad.Problem()}");
        if (configured.Count > 0)
            services.AddHostedService(sp => new ConfiguredGuarantees(sp.GetRequiredService<IGuaranteeLedger>(), configured));
    }

    /// <summary>Registers (or updates the terms of) the configured guarantees once the tables exist; reservations stay.</summary>
    private sealed class ConfiguredGuarantees(IGuaranteeLedger ledger, IReadOnlyList<Guarantee> guarantees) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var guarantee in guarantees)
                await ledger.RegisterAsync(guarantee, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
