//! A cheap, identity-compared handle for data shared by many components.

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` whose equality is identity, so props holding it compare in O(1).
///
/// Content never changes once loaded; a new value means a new `Rc`.
pub struct Shared<T: ?Sized>(Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T: ?Sized> Shared<T> {
    /// Wraps a shared value, e.g. an `Rc<dyn Trait>`.
    pub fn from_rc(value: Rc<T>) -> Shared<T> {
        Shared(value)
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Shared(..)")
    }
}
