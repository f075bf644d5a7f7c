using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace C2C.Adapters.DurableTask;

/// <summary>
/// Checked at start: the options' data annotations, one message per bad setting naming its configuration key and the
/// value found (e.g. "C2C:Engine:PartitionCount must be between 1 and 16 (was 0)").
/// </summary>
public sealed class LocalDurableEngineOptionsValidator(string sectionPath) : IValidateOptions<LocalDurableEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalDurableEngineOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(results.SelectMany(r => r.MemberNames.Select(member =>
            $"{Key(member)} {r.ErrorMessage} (was '{typeof(LocalDurableEngineOptions).GetProperty(member)?.GetValue(options)}')")));
    }

    private string Key(string member) => sectionPath.Length == 0 ? member : $"{sectionPath}:{member}";
}
