/// The disposition a returned token goes back with: the deallocation's own (seed 000), so the
/// bench, the wizard and the headless commands name the same four choices.
public typealias ReturnDisposition = Disposition
