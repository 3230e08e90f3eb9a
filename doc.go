// Package gongwei is the shared vocabulary of the gongwei library, an embeddable
// implementation of China's national basic public health services (国家基本公共卫生服务)
// as township health centres (乡镇卫生院), community health service centres (社区卫生服务中心)
// and village clinics (村卫生室) deliver them.
//
// This root package is deliberately small. It holds only what every service package
// shares:
//
//   - [Date], a civil date (no clock, no time zone) for birth, visit and due dates, with
//     ages in completed years, months and days, and [Period], a half-open range of dates.
//     Date arithmetic is total over years 1 to 9999: it saturates at [MinDate] and
//     [MaxDate] instead of failing (checked variants such as [Date.AddMonthsChecked]
//     report it), and decoding refuses what it cannot represent with a *[DateError];
//   - [Sex], coded by GB/T 2261.1;
//   - the sentinel errors [ErrNotFound], [ErrConflict], [ErrDuplicate] and [ErrInvalid],
//     and [ValidationError], which reports every problem of a record at once;
//   - the optional batch capability of stores ([Batcher], [Batch]) and the report of an
//     import through the services ([ImportReport], [ImportProblem]);
//   - the message catalog ([Catalog], [NewPrinter]) in simplified Chinese (the default),
//     traditional Chinese and English;
//   - input normalisation ([Normalize], [NormalizeCode], [LegacyReader]) for values typed
//     through Chinese input methods or exported by legacy systems.
//
// The service packages build on it: healthrecord (居民健康档案), chronic, maternal,
// child, immunization, supervision, education and indicators.
//
// # Conventions shared by every package
//
// Dates are civil: a rule takes the date it is evaluated on ("as of") as a parameter and
// never reads the clock. Every record type has a Validate method returning nil or a
// *[ValidationError] that unwraps to [ErrInvalid]. Errors and messages never carry a
// personal value (an ID number, a name, a phone number): they name the field and a stable
// code instead.
//
// Streams are iter.Seq2[T, error]. An iterator that fails yields the zero T and the
// error once, then stops; a consumer that stops early (break) releases whatever the
// iterator held.
package gongwei
