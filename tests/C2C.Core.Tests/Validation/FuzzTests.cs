using C2C.Core.Validation;
using C2C.Testing;
using Xunit.Abstractions;

namespace C2C.Core.Tests.Validation;

/// <summary>
/// A bounded, seeded fuzz run of the validator over mutations of every sample: it never throws, and every input is
/// either a message or a refusal whose every error has a code, a reason and an XPath pointer.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_mutation_of_every_sample_is_a_message_or_a_complete_nack()
    {
        var fuzzer = new MessageFuzzer(MessageFuzzer.SeedFromEnvironment());
        var iterations = MessageFuzzer.Iterations(400);
        output.WriteLine($"fuzz seed {fuzzer.Seed}, {iterations} iterations (replay: C2C_FUZZ_SEED={fuzzer.Seed})");
        var validator = new MessageValidator();
        var names = Samples.Names.ToList();
        var refusals = new Dictionary<string, int>();
        var tried = new Dictionary<string, int>();
        for (var i = 0; i < iterations; i++)
        {
            var sample = names[i % names.Count];
            var (mutation, bytes) = fuzzer.Mutate(Samples.Bytes(sample));
            var context = $"seed {fuzzer.Seed}, iteration {i}, {mutation} of {sample}";
            tried[mutation] = tried.GetValueOrDefault(mutation) + 1;
            ValidationResult result;
            try
            {
                result = validator.Validate(bytes);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{context}: the validator threw {e}");
            }
            Assert.True(result.Message is null != (result.Rejection is null), context);
            if (result.Rejection is { } rejection)
            {
                Assert.NotEmpty(rejection.Errors);
                Assert.All(rejection.Errors, e =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Code), context);
                    Assert.False(string.IsNullOrWhiteSpace(e.Reason), context);
                    Assert.StartsWith("/", e.Pointer);
                });
                refusals[mutation] = refusals.GetValueOrDefault(mutation) + 1;
            }
        }
        output.WriteLine("refused per mutation: " + string.Join(", ", tried.Select(t => $"{t.Key} {refusals.GetValueOrDefault(t.Key)}/{t.Value}")));
        // These can never be valid: a DTD, an undeclared attribute or element, a foreign namespace.
        foreach (var mustFail in new[] { "entity declaration", "huge attribute", "deep nesting", "namespace" })
            Assert.Equal(tried.GetValueOrDefault(mustFail), refusals.GetValueOrDefault(mustFail));
        Assert.True(refusals.Values.Sum() > iterations / 2, "most mutations must be refused, or the fuzzer is not mutating");
    }
}
