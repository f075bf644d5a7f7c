namespace C2C.Core.Validation;

/// <summary>
/// Error codes carried in FunctionalError/ErrorCode. Two-digit codes are NCTS functional error types (IE906);
/// XMLnnn codes are structural rejections (IE917).
/// </summary>
public static class ErrorCodes
{
    public const string IncorrectValue = "12";
    public const string Missing = "13";
    public const string NotSupportedInPosition = "14";
    public const string ValueNotSupported = "15";
    public const string RuleViolation = "19";
    public const string DuplicateDetected = "26";
    public const string TooManyRepetitions = "35";
    public const string UnknownMrn = "90";
    public const string DuplicateMrn = "91";
    public const string OutOfSequence = "92";
    /// <summary>NCTS's "message out of sequence" as an amendment (IE013) after release meets it: the declaration can no longer change.</summary>
    public const string AmendmentAfterRelease = OutOfSequence;
    public const string InvalidMrn = "93";
    /// <summary>The sender is not allowed to send for this office (partner authorisation).</summary>
    public const string NotAuthorised = "94";

    public const string NotWellFormed = "XML001";
    public const string DtdProhibited = "XML002";
    public const string TooLarge = "XML003";
    public const string TooDeep = "XML004";
    public const string SchemaViolation = "XML005";
    public const string UnknownMessageType = "XML006";
    public const string TooManyElements = "XML007";
    public const string ValueTooLong = "XML008";
}
