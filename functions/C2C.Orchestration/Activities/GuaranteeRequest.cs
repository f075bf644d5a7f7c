using C2C.Core.Guarantees;
using C2C.Core.Ports;
using C2C.Core.Validation;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <param name="ReleaseDate">The declaration's day of release: validity is checked on it, the same on every run.</param>
public sealed record GuaranteeRequest(string Mrn, GuaranteeClaim Claim, IReadOnlyList<string> RouteCountries, DateOnly ReleaseDate, DateTimeOffset At);
